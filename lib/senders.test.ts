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

describe('senderKind in Firefox', () => {
  // As Firefox fills them in (seen in Firefox ESR 153): the gecko id, and addresses under the add-on's UUID.
  const firefox = { id: 'garment-scout@garment-scout.example', baseUrl: 'moz-extension://5e0b9a57-2f1c-4c8e-9d43-7a6b1f0c2e91/' };
  const at = (path: string) => `${firefox.baseUrl}${path}`;
  it.each([
    // The event page that hosts the classifier iframe: a background page Firefox generates.
    [{ id: firefox.id, url: at('_generated_background_page.html') }, 'background'],
    [{ id: firefox.id, url: at('offscreen.html') }, 'offscreen-document'], // the classifier page in its iframe
    [{ id: firefox.id, url: at('popup.html') }, 'extension-page'],
    [{ id: firefox.id, url: 'https://shop.example.com/p/1', tab }, 'content-script'],
    [{ id: firefox.id, url: 'moz-extension://another-uuid/_generated_background_page.html' }, undefined], // another add-on's page
    [{ id: 'other@example.com', url: at('_generated_background_page.html') }, undefined],
  ])('%j is %s', (sender, kind) => {
    expect(senderKind(sender, firefox)).toBe(kind);
  });
});
