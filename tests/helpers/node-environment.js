/**
 * jest's node environment, with the test file's global an ordinary object. jest 30 runs each file in
 * a vm context whose global is a Proxy (to delete what a test leaves on it at teardown); Node then
 * answers every read of a global — Infinity, Math, Array — through an interceptor and the proxy,
 * never from V8's fast global lookups. Hot code that names a global in its loops ran 3–5 times
 * slower under jest than under node (the PDF line breaker, the checker's rules), so that much of
 * the suite's time measured jest, not nianbao. Node's vm.constants.DONT_CONTEXTIFY makes a context
 * whose global is its own plain object; everything else is jest's environment as it is. What the
 * proxy cleaned up goes with the context when the file ends.
 */
'use strict';
const vm = require('node:vm');
const { TestEnvironment } = require('jest-environment-node');

class PlainGlobalEnvironment extends TestEnvironment {
  constructor(config, context) {
    // jest-environment-node calls vm.createContext(itsProxy) in its constructor: make that call the plain kind.
    const createContext = vm.createContext;
    // (Node 20.18+ and 22.8+ have the constant; an older Node makes an ordinary context from undefined: slower, same tests.)
    vm.createContext = () => createContext(vm.constants?.DONT_CONTEXTIFY);
    try {
      super(config, context);
    } finally {
      vm.createContext = createContext;
    }
  }
}

module.exports = PlainGlobalEnvironment;
