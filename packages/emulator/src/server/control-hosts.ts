import { networkInterfaces } from 'node:os';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARDS = new Set(['0.0.0.0', '[::]']);

/**
 * Which `Host` names the control API answers: the emulator's own address and loopback, the names given in
 * `allowedHosts` (e.g. the service name other containers use), and, when the emulator listens on every interface
 * (`0.0.0.0` or `::`), this machine's own IP addresses, read when asked so a changed address is honoured. An IP
 * literal of one of our interfaces cannot be a DNS-rebinding vector, which needs a name the attacker controls; any
 * other name stays refused unless listed.
 */
export function controlHostPolicy(allowedHosts: readonly string[]): (hostname: string, own: URL) => boolean {
  const named = new Set([...LOOPBACK_NAMES, ...allowedHosts.map((host) => host.toLowerCase())]);
  return (hostname, own) => {
    if (hostname === own.hostname || named.has(hostname)) return true;
    return WILDCARDS.has(own.hostname) && interfaceHosts().has(hostname);
  };
}

/** This machine's interface addresses as URL host names (IPv6 in brackets, without a zone). */
function interfaceHosts(): Set<string> {
  const hosts = new Set<string>();
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      hosts.add(address.family === 'IPv6' ? `[${address.address.replace(/%.*$/, '')}]` : address.address);
    }
  }
  return hosts;
}

/** Checks a name for `allowedHosts`: a bare host name or IP, no scheme, port or path. */
export function checkAllowedHost(host: string, where: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(`http://${host}`);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || host === '' || parsed.host !== host.toLowerCase() || parsed.port !== '') {
    throw new TypeError(
      `${where}: ${JSON.stringify(host)} is not a bare host name (no scheme, port or path)`,
    );
  }
  return parsed.hostname;
}
