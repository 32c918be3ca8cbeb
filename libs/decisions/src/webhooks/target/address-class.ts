import { BlockList, isIP } from 'node:net';

/** Why an address is not a public unicast address, or `public`. */
export type AddressClass =
  | 'public'
  | 'not an IP address'
  | 'unspecified'
  | 'broadcast'
  | 'multicast'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'shared (carrier-grade NAT)'
  | 'reserved';

/** Targets that are never a receiver, whatever an operator allows: they mean "this host" or "many hosts". */
export const NEVER_ALLOWED: readonly AddressClass[] = ['not an IP address', 'unspecified', 'broadcast', 'multicast'];

type Family = 'ipv4' | 'ipv6';

/** Checked in this order, so the narrower name wins (255.255.255.255 is broadcast, not reserved). */
const RANGES: [Exclude<AddressClass, 'public' | 'not an IP address'>, Family, string, number][] = [
  // IPv4: the IANA special-purpose registry, RFC 6890 and successors.
  ['unspecified', 'ipv4', '0.0.0.0', 8],
  ['broadcast', 'ipv4', '255.255.255.255', 32],
  ['multicast', 'ipv4', '224.0.0.0', 4],
  ['loopback', 'ipv4', '127.0.0.0', 8],
  ['private', 'ipv4', '10.0.0.0', 8],
  ['private', 'ipv4', '172.16.0.0', 12],
  ['private', 'ipv4', '192.168.0.0', 16],
  ['link-local', 'ipv4', '169.254.0.0', 16],
  ['shared (carrier-grade NAT)', 'ipv4', '100.64.0.0', 10],
  ['reserved', 'ipv4', '192.0.0.0', 24], // IETF protocol assignments
  ['reserved', 'ipv4', '192.0.2.0', 24], // documentation
  ['reserved', 'ipv4', '198.51.100.0', 24], // documentation
  ['reserved', 'ipv4', '203.0.113.0', 24], // documentation
  ['reserved', 'ipv4', '192.88.99.0', 24], // 6to4 relay anycast
  ['reserved', 'ipv4', '198.18.0.0', 15], // benchmarking
  ['reserved', 'ipv4', '240.0.0.0', 4], // future use
  // IPv6. Addresses that embed an IPv4 address are read before these (see classifyAddress).
  ['unspecified', 'ipv6', '::', 128],
  ['loopback', 'ipv6', '::1', 128],
  ['multicast', 'ipv6', 'ff00::', 8],
  ['private', 'ipv6', 'fc00::', 7], // unique local
  ['link-local', 'ipv6', 'fe80::', 10],
  ['reserved', 'ipv6', 'fec0::', 10], // site-local, deprecated
  ['reserved', 'ipv6', '2001::', 23], // IETF protocol assignments: Teredo, benchmarking, ORCHID
  ['reserved', 'ipv6', '2001:db8::', 32], // documentation
  ['reserved', 'ipv6', '3fff::', 20], // documentation
];

const LISTS = new Map<AddressClass, BlockList>();
for (const [name, family, network, prefix] of RANGES) {
  if (!LISTS.has(name)) LISTS.set(name, new BlockList());
  LISTS.get(name)!.addSubnet(network, prefix, family);
}

/** Only global unicast (2000::/3) is public in IPv6; everything else not named above is reserved. */
const GLOBAL_UNICAST_V6 = new BlockList();
GLOBAL_UNICAST_V6.addSubnet('2000::', 3, 'ipv6');

/**
 * What kind of address `ip` is (an IP literal, as `isIP` reads it; no brackets). Anything it cannot
 * read is `not an IP address`: callers refuse every class but `public`, so an error fails closed.
 */
export function classifyAddress(ip: string): AddressClass {
  const family = isIP(ip);
  if (family === 0) return 'not an IP address';
  if (family === 6) {
    const embedded = embeddedIpv4(ip.split('%')[0]); // without a zone (fe80::1%eth0)
    if (embedded) return classifyAddress(embedded);
  }
  const type: Family = family === 4 ? 'ipv4' : 'ipv6';
  for (const [name, list] of LISTS) {
    if (list.check(ip, type)) return name;
  }
  if (type === 'ipv6' && !GLOBAL_UNICAST_V6.check(ip, 'ipv6')) return 'reserved';
  return 'public';
}

/**
 * The IPv4 address an IPv6 address stands for, where packets to it reach that IPv4 host:
 * IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d, deprecated), NAT64 (64:ff9b::a.b.c.d)
 * and 6to4 (2002:aabb:ccdd::). So ::ffff:127.0.0.1 is loopback, and 64:ff9b::93.184.216.34 public.
 */
function embeddedIpv4(ip: string): string | undefined {
  const groups = expandIpv6(ip);
  if (!groups) return undefined;
  const zeros = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  if (zeros(0, 5) && groups[5] === 0xffff) return v4(groups[6], groups[7]);
  // ::/96 holds :: and ::1 too (named above): only an address past ::ffff is read as IPv4-compatible.
  if (zeros(0, 6) && (groups[6] !== 0 || groups[7] > 1)) return v4(groups[6], groups[7]);
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6)) return v4(groups[6], groups[7]);
  if (groups[0] === 0x2002) return v4(groups[1], groups[2]);
  return undefined;
}

/** Eight 16-bit groups of a valid IPv6 literal (with or without a dotted IPv4 tail). */
function expandIpv6(ip: string): number[] | undefined {
  let text = ip.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  return [...headGroups, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...tailGroups].map((g) => parseInt(g, 16));
}
