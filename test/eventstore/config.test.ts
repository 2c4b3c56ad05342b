import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('event store configuration', () => {
  it('defaults to the embedded SQLite store', () => {
    const config = loadConfig({});
    expect(config.eventStore).toBe('sqlite');
    expect(config.kurrentdbUrl).toBeUndefined();
  });

  it('selects KurrentDB with its connection string', () => {
    const config = loadConfig({
      EVENT_STORE: 'kurrentdb',
      KURRENTDB_URL: 'kurrentdb://localhost:2113?tls=false',
    });
    expect(config.eventStore).toBe('kurrentdb');
    expect(config.kurrentdbUrl).toBe('kurrentdb://localhost:2113?tls=false');
  });

  it('refuses kurrentdb without KURRENTDB_URL, naming the variable', () => {
    expect(() => loadConfig({ EVENT_STORE: 'kurrentdb' })).toThrow(ConfigError);
    expect(() => loadConfig({ EVENT_STORE: 'kurrentdb' })).toThrow(
      /KURRENTDB_URL: is required when EVENT_STORE=kurrentdb/,
    );
  });

  it('refuses an unknown store and a malformed connection string', () => {
    expect(() => loadConfig({ EVENT_STORE: 'postgres' })).toThrow(/EVENT_STORE/);
    expect(() =>
      loadConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'http://localhost:2113' }),
    ).toThrow(/KURRENTDB_URL: must be a KurrentDB connection string/);
  });
});
