import { applyLanguage, MESSAGE_KEYS, translate, useI18n } from './i18n';

describe('i18n', () => {
  it('has an Arabic text for every English one', () => {
    for (const key of MESSAGE_KEYS) {
      expect(translate('ar', key), key).not.toBe('');
      if (!['sha256'].includes(key) && !key.startsWith('tile.') && key !== 'ptz') {
        expect(translate('ar', key) === translate('en', key), key).toBe(false);
      }
    }
  });

  it('fills in the numbers', () => {
    expect(translate('en', 'quotaFullDetail', { agency: 'METRO', active: 8, limit: 8 })).toBe('METRO: 8 of 8 streams in use');
    expect(translate('ar', 'quotaFullDetail', { agency: 'METRO', active: 8, limit: 8 })).toContain('8 من 8');
  });

  it('lays Arabic out right to left and English left to right', () => {
    useI18n.getState().setLang('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    expect(localStorage.getItem('cctv.lang')).toBe('ar');
    useI18n.getState().setLang('en');
    expect(document.documentElement.dir).toBe('ltr');
    const el = document.createElement('div');
    applyLanguage('ar', el);
    expect(el.dir).toBe('rtl');
  });
});
