import { describe, expect, it } from 'vitest';
import { addressSpace, isAllowedAddress } from './allowed-address';

const hostOf = (url: string) => new URL(url).hostname;

describe('addressSpace', () => {
  it.each([
    ['http://127.0.0.1/', 'local'],
    ['http://127.8.9.1/', 'local'],
    ['http://2130706433/', 'local'], // 127.0.0.1 written as one number
    ['http://0x7f.1/', 'local'],
    ['http://0.0.0.0/', 'local'],
    ['http://localhost:8080/', 'local'],
    ['http://app.localhost/', 'local'],
    ['http://[::1]/', 'local'],
    ['http://[::ffff:127.0.0.1]/', 'local'],
    ['http://10.1.2.3/', 'private'],
    ['http://172.16.0.1/', 'private'],
    ['http://172.31.255.255/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://169.254.169.254/', 'private'],
    ['http://100.64.0.1/', 'private'],
    ['http://[fd00::1]/', 'private'],
    ['http://[fe80::1]/', 'private'],
    ['http://[::ffff:c0a8:101]/', 'private'], // 192.168.1.1
    ['http://intranet/', 'private'],
    ['http://printer.local/', 'private'],
    ['http://wiki.corp/', 'private'],
    ['http://router.home.arpa/', 'private'],
    ['http://172.32.0.1/', 'public'],
    ['http://8.8.8.8/', 'public'],
    ['http://[2001:db8::1]/', 'public'],
    ['https://shop.example.com/', 'public'],
    ['https://localhost.example.com/', 'public'],
  ])('%s is %s', (url, space) => {
    expect(addressSpace(hostOf(url))).toBe(space);
  });
});

describe('isAllowedAddress', () => {
  const publicPage = 'https://shop.example.com/product/1';
  it.each([
    ['https://cdn.example.com/a.jpg', publicPage, true],
    ['http://cdn.example.com/a.jpg', publicPage, true],
    ['data:image/png;base64,AAAA', publicPage, true],
    ['DATA:IMAGE/JPEG;base64,AAAA', publicPage, true],
    ['data:text/html,<p>hi</p>', publicPage, false],
    ['file:///etc/passwd', publicPage, false],
    ['file:///home/me/a.png', 'file:///home/me/index.html', false],
    ['chrome-extension://abcdefghijklmnop/popup.html', publicPage, false],
    ['blob:https://shop.example.com/1234', publicPage, false],
    ['ftp://files.example.com/a.jpg', publicPage, false],
    ['javascript:alert(1)', publicPage, false],
    ['not a url', publicPage, false],
    // A public page may not reach inwards...
    ['http://192.168.1.1/admin.png', publicPage, false],
    ['http://127.0.0.1:9000/a.png', publicPage, false],
    ['http://intranet/logo.png', publicPage, false],
    // ...a private page may reach its own network and the web, and a local page anything.
    ['http://192.168.1.20/a.png', 'http://10.0.0.5/shop', true],
    ['http://127.0.0.1:9000/a.png', 'http://10.0.0.5/shop', false],
    ['https://cdn.example.com/a.jpg', 'http://10.0.0.5/shop', true],
    ['http://127.0.0.1:9000/a.png', 'http://127.0.0.1:8000/', true],
    ['http://192.168.1.1/a.png', 'http://localhost:3000/', true],
    ['http://127.0.0.1:9000/a.png', 'file:///home/me/page.html', true],
    // about:blank frames and other odd page addresses count as public.
    ['http://127.0.0.1:9000/a.png', 'about:blank', false],
    // An address the user gave in the extension's own pages: no page asks, any web address goes.
    ['http://192.168.1.1/a.png', undefined, true],
    ['file:///home/me/a.png', undefined, false],
  ])('%s for %s: %s', (source, page, allowed) => {
    expect(isAllowedAddress(source, page)).toBe(allowed);
  });
});
