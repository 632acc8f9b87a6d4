/**
 * `report --version` and `report version [--json]`: nianbao's version with the Node.js and platform
 * it runs on, the three facts a bug report needs (a standalone program carries its own Node).
 */

/** What runs: nianbao, Node.js, operating system and processor. */
export function versionFacts(): { nianbao: string; node: string; platform: string; arch: string } {
  // A static require: the bundler inlines package.json, so the standalone program knows its version too.
  const nianbao = (require('../../package.json') as { version: string }).version;
  return { nianbao, node: process.version, platform: process.platform, arch: process.arch };
}

/** `nianbao 0.1.0 (Node v20.20.2, linux x64)` */
export function versionLine(): string {
  const { nianbao, node, platform, arch } = versionFacts();
  return `nianbao ${nianbao} (Node ${node}, ${platform} ${arch})`;
}

/** The facts as JSON, for scripts. */
export const versionJson = (): string => JSON.stringify(versionFacts(), null, 2) + '\n';
