import * as depNamespace from './default-dep_FIXTURE.js';
export const who = globalThis.who;
export const main = 'main+' + depNamespace.dep;
export { depNamespace };
export const meta = import.meta;
