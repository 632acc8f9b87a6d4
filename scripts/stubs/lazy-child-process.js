// Bundling replacement for `node:child_process` as commander requires it: commander loads it at start
// for executable subcommands (`git-style` programs), which nianbao has none of, and loading it pulls
// in net, dgram and the socket machinery (~3 ms of every start). Its one use, spawn, loads it on call.
'use strict';

module.exports = {
  spawn: (...args) => require('node:child_process').spawn(...args),
};
