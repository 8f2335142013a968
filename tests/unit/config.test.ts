import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('defaults to the embedded database on loopback with no JWT key', () => {
    const config = loadConfig({});
    expect(config.database.mode).toBe('embedded');
    expect(config.database.uri).toBe('bolt://127.0.0.1:7687');
    expect(config.port).toBe(4000);
    expect(config.jwtSecret).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('uses the server NEO4J_URI names, and starts nothing', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j://cluster.example:7687',
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: 'secret-password',
    });
    expect(config.database).toMatchObject({ mode: 'external', uri: 'neo4j://cluster.example:7687', user: 'neo4j' });
  });

  it('names every invalid or missing setting in one error', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://x', NODE_ENV: 'production', JWT_SECRET: '' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    expect(problems).toContain('PORT must be an integer from 0 to 65535 (got "eighty")');
    expect(problems).toContain('NEO4J_URI must be a neo4j:// or bolt:// URI (got "http://x")');
    expect(problems).toContain('NEO4J_USER is required');
    expect(problems).toContain('NEO4J_PASSWORD is required');
    expect(problems).toContain('JWT_SECRET is required in production');
  });

  it('rejects a JWT key too short for HS256', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow('JWT_SECRET must be at least 32 characters');
  });

  it('lets explicit overrides win over the environment', () => {
    expect(loadConfig({ PORT: '5000' }, { port: 6000 }).port).toBe(6000);
  });
});
