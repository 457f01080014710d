export const dep = 'dep';
export const depWho = globalThis.who;
export let counter = 0;
export function increment() { counter += 1; }
