// The errors the extension's contexts send each other, in English, each matched to its words for display.
import { describe, expect, it } from 'vitest';
import { ADDRESS_REFUSED } from './allowed-address';
import { errorKeyOf, localizeMessage } from './i18n';
import { CANCELLED, modelRefused, NOT_SENT, TOO_SLOW } from './messages';
import { NOT_READABLE, refuseIfTooLarge } from './picture-size';

describe('errors cross contexts in English and are matched for display', () => {
  const tooLarge = (() => {
    try {
      refuseIfTooLarge(20_000, 20_000);
    } catch (e) {
      return (e as Error).message;
    }
  })()!;

  it.each([
    [NOT_SENT, 'error_notSent'],
    [TOO_SLOW, 'error_tooSlow'],
    [CANCELLED, 'error_cancelled'],
    [ADDRESS_REFUSED, 'error_addressRefused'],
    [NOT_READABLE, 'error_notReadable'],
    [tooLarge, 'error_tooManyPixels'],
    [modelRefused('finetuned-1', 'Model file weights.bin is damaged'), 'error_modelRefused'],
  ])('%s', (message, key) => {
    expect(errorKeyOf(message)?.key).toBe(key);
    expect(localizeMessage(message)).toBe(message);
  });

  it('keeps a placeholder value', () => expect(errorKeyOf(tooLarge)?.values).toEqual({ megapixels: '400' }));

  it('keeps a reason in brackets whole', () =>
    expect(errorKeyOf(modelRefused('finetuned-1', 'a (b) c'))?.values).toEqual({ version: 'finetuned-1', reason: 'a (b) c' }));

  it('leaves a message that is not ours as it is', () => expect(localizeMessage('net::ERR_FAILED')).toBe('net::ERR_FAILED'));
});
