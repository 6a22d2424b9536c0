import { describe, expect, it } from 'vitest';
import { senderKind } from './senders';

const extension = { id: 'ourid', baseUrl: 'chrome-extension://ourid/' };
const tab = { id: 3 };

describe('senderKind', () => {
  it.each([
    [{ id: 'ourid', url: 'https://shop.example.com/p/1', tab }, 'content-script'],
    [{ id: 'ourid', url: 'chrome-extension://ourid/popup.html' }, 'extension-page'],
    [{ id: 'ourid', url: 'chrome-extension://ourid/popup.html', tab }, 'extension-page'], // the popup opened in a tab
    [{ id: 'ourid', url: 'chrome-extension://ourid/options.html#x' }, 'extension-page'],
    [{ id: 'ourid', url: 'chrome-extension://ourid/background.js' }, 'background'],
    [{ id: 'ourid', url: 'chrome-extension://ourid/offscreen.html' }, 'offscreen-document'],
    [{ id: 'ourid', url: 'moz-extension://ourid/_generated_background_page.html' }, undefined], // another base URL
    // Another extension, or a sender the browser did not describe, is nobody we talk to.
    [{ id: 'otherid', url: 'chrome-extension://otherid/background.js' }, undefined],
    [{ id: 'ourid', url: 'https://shop.example.com/' }, undefined], // a web address but no tab
    [{ id: 'ourid' }, undefined],
    [{}, undefined],
  ])('%j is %s', (sender, kind) => {
    expect(senderKind(sender, extension)).toBe(kind);
  });
});
