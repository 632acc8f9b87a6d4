/**
 * The open-licensed faces nianbao ships (SIL OFL 1.1), listed once: scripts/ship-fonts.js copies
 * them at build time from the font packages (dev dependencies) into the package folder `fonts/`,
 * and resolve.ts finds them there — inside nianbao's own package, so no install layout can hide them.
 * No open 仿宋 or 小标宋 is on the npm registry: serif faces stand in (README, `report fonts`).
 */
import * as path from 'node:path';
import { PACKAGE_ROOT } from '../package-root';
import type { FontRole } from '../format/font-roles';

export interface ShippedFont {
  /** The file name under fonts/. */
  file: string;
  /** The face's name, as `report fonts` shows it. */
  face: string;
  /**
   * The family names its name table gives (font-names.ts), written here so that resolving the fonts
   * does not read them from the file on every run (a test reads them from the shipped files).
   */
  families: readonly string[];
  /** Where the build takes it from: a file of an npm package, TrueType or (converted) WOFF 1. */
  from: string;
  /** The licence file beside it in the same package. */
  licence: string;
}

const NOTO_SERIF_REGULAR: ShippedFont = {
  file: 'NotoSerifSC-Regular.ttf',
  face: 'Noto Serif SC Regular',
  families: ['Noto Serif SC'],
  from: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  licence: '@expo-google-fonts/noto-serif-sc/LICENSE_FONT',
};

export const SHIPPED_FONTS: Record<FontRole, ShippedFont> = {
  fangsong: NOTO_SERIF_REGULAR,
  heiti: {
    file: 'NotoSansSC-Bold.ttf',
    face: 'Noto Sans SC Bold',
    families: ['Noto Sans SC'],
    from: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
    licence: '@expo-google-fonts/noto-sans-sc/LICENSE_FONT',
  },
  // npm has LXGW WenKai only as a web font (the whole font, "latin" subset, weight 500 = Regular): converted to TrueType at build time.
  kaiti: {
    file: 'LXGWWenKai-Regular.ttf',
    face: 'LXGW WenKai Regular（霞鹜文楷）',
    families: ['LXGW WenKai', '霞鹜文楷'],
    from: '@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff',
    licence: '@fontsource/lxgw-wenkai/LICENSE',
  },
  xiaobiaosong: {
    file: 'NotoSerifSC-Bold.ttf',
    face: 'Noto Serif SC Bold',
    families: ['Noto Serif SC'],
    from: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
    licence: '@expo-google-fonts/noto-serif-sc/LICENSE_FONT',
  },
  songti: NOTO_SERIF_REGULAR,
};

/** The package folder of the shipped faces. */
export const SHIPPED_FONT_DIR = path.join(PACKAGE_ROOT, 'fonts');

/** The shipped face's file of a role. */
export const shippedFontFile = (role: FontRole) => path.join(SHIPPED_FONT_DIR, SHIPPED_FONTS[role].file);
