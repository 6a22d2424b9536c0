/**
 * Which picture addresses the extension may read, and for whom. The extension's host permission lets
 * it read any address, so a page must not be able to point it (through a lazy `data-src` or a CSS
 * `url()`) at a local file, another extension, or a machine of the user's own network: the answer
 * would tell the page whether that address exists and what it serves.
 *
 * The rule for networks is Chrome's Private Network Access, decided on the address as written: a page
 * on the public internet may not make the extension read a private-network or loopback address; a page
 * on such an address may. (A public name that resolves to a private address is not caught: the
 * extension cannot see what a name resolves to before it asks.)
 */

/** One message for every refused address, so that it says nothing about what lies there. */
export const ADDRESS_REFUSED =
  'Garment Scout does not read pictures from this address. It reads pictures on the web; to classify a file of your own, drop it on its popup.';

/** From the most open to the most closed; a request may go sideways or outwards, never inwards. */
const SPACES = ['public', 'private', 'local'] as const;
export type AddressSpace = (typeof SPACES)[number];

/** Names that only ever mean a machine of the user's own network. */
const PRIVATE_SUFFIXES = ['.local', '.internal', '.lan', '.home.arpa', '.intranet', '.corp'];

function ipv4Space(parts: number[]): AddressSpace {
  const [a, b] = parts;
  if (a === 127 || a === 0) return 'local';
  if (a === 10 || (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168)) return 'private';
  if ((a === 169 && b === 254) || (a === 100 && b >= 64 && b < 128)) return 'private'; // link-local, carrier NAT
  return 'public';
}

function ipv6Space(address: string): AddressSpace {
  if (address === '::1' || address === '::') return 'local';
  // An IPv4 address written as IPv6 (the URL parser writes it as two hex groups).
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (mapped) {
    const [high, low] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
    return ipv4Space([high >> 8, high & 255, low >> 8, low & 255]);
  }
  const first = parseInt(address.split(':')[0] || '0', 16);
  if ((first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80) return 'private'; // unique local, link-local
  return 'public';
}

/** The address space of a host as the URL parser wrote it (IPv4 in dotted form, IPv6 in brackets). */
export function addressSpace(hostname: string): AddressSpace {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) return ipv6Space(host.slice(1, -1));
  const ipv4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (ipv4) return ipv4Space(ipv4.slice(1).map(Number));
  if (host === 'localhost' || host.endsWith('.localhost')) return 'local';
  // A name without a dot (`http://intranet/`) is only found on the user's own network.
  if (!host.includes('.') || PRIVATE_SUFFIXES.some((suffix) => host.endsWith(suffix))) return 'private';
  return 'public';
}

function parse(address: string): URL | undefined {
  try {
    return new URL(address);
  } catch {
    return undefined;
  }
}

/** Where a page is, for the rule: web pages by their host, local files as local, anything else as public. */
function pageSpace(pageUrl: string): AddressSpace {
  const url = parse(pageUrl);
  if (url?.protocol === 'file:') return 'local';
  if (url?.protocol === 'http:' || url?.protocol === 'https:') return addressSpace(url.hostname);
  return 'public';
}

/**
 * Whether the extension may read `source` for a request. `requestedBy` is the address of the page the
 * picture is on, as the browser reports it; `undefined` when the user gave the address in the
 * extension's own pages, where no page is asking.
 */
export function isAllowedAddress(source: string, requestedBy: string | undefined): boolean {
  const url = parse(source);
  if (!url) return false;
  if (url.protocol === 'data:') return /^image\//i.test(url.pathname);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (requestedBy === undefined) return true;
  return SPACES.indexOf(addressSpace(url.hostname)) <= SPACES.indexOf(pageSpace(requestedBy));
}
