import { name } from 'name';
export const message = `hello from ${name} (${import.meta.url})`;
