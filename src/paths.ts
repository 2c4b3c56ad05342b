import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (where schema.graphql lives), from source (`src/`) or build (`dist/src/`). */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'schema.graphql'))) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`schema.graphql not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
}
