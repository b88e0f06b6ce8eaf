import { describe, expect, it } from 'vitest';
import { hostName, isWildcardAddress, parseAllowedHosts } from './allowed-hosts.js';

describe('host names as the allowlist compares them', () => {
  it('drops the port, the case and a trailing dot', () => {
    expect(hostName('Matchwise.Example.com.:443')).toBe('matchwise.example.com');
    expect(hostName('127.0.0.1:5177')).toBe('127.0.0.1');
  });

  it('brackets IPv6, written bare as HOST usually is or bracketed as in a Host header', () => {
    expect(hostName('::1')).toBe('[::1]');
    expect(hostName('[::1]:5177')).toBe('[::1]');
  });

  it('is null for what is not a host', () => {
    for (const value of ['', ' ', 'evil.example/path', 'user@evil.example', 'a b', '[::1']) {
      expect([value, hostName(value)]).toEqual([value, null]);
    }
  });

  it('reads MATCHWISE_ALLOWED_HOSTS as a comma-separated list, and knows the wildcard addresses', () => {
    expect(parseAllowedHosts(' matchwise.example.com, ,10.0.0.5 ')).toEqual([
      'matchwise.example.com',
      '10.0.0.5',
    ]);
    expect(parseAllowedHosts(undefined)).toEqual([]);
    expect(['0.0.0.0', '::', '127.0.0.1'].map(isWildcardAddress)).toEqual([true, true, false]);
  });
});
