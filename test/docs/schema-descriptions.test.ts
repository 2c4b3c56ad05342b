import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { read } from './markdown.js';
import { undescribed } from './schema-walk.js';

/** The schema's descriptions are the API reference GraphiQL's docs pane shows. */
describe('descriptions in schema.graphql', () => {
  it('finds what is missing', () => {
    const schema = buildSchema(`
      "Q" type Query { "a" a(x: Int): E b: Int }
      enum E { "one" ONE TWO }`);
    expect(undescribed(schema)).toEqual(['E', 'E.TWO', 'Query.a(x)', 'Query.b']);
  });

  it('describes every type, field, argument, input field and enum value', () => {
    expect(undescribed(buildSchema(read('schema.graphql')))).toEqual([]);
  });
});
