import { ConfigError, loadConfig } from '../../src/config';

describe('configuration', () => {
  it('has working defaults for a developer machine', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ env: 'development', port: 4000, introspection: true, seedDemoData: true, database: { host: '127.0.0.1', port: 3306, name: 'incasso_hub' } });
  });

  it('is strict in production: no introspection, no demo data', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ introspection: false, seedDemoData: false });
  });

  it('reports every invalid variable at once, by name', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ PORT: '99999', DATABASE_URL: 'postgres://x/y', REDIS_URL: 'http://x', INTROSPECTION: 'maybe' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems.map((p) => p.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'INTROSPECTION', 'PORT', 'REDIS_URL']);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', REDIS_URL: '' })).toMatchObject({ port: 4000, redisUrl: undefined });
  });

  it('refuses a database name that could not be quoted safely', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root@db:3306/x`;drop' })).toThrow(/DATABASE_URL/);
  });
});
