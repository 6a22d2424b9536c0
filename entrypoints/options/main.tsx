import { render } from 'preact';
import { t, uiLanguage } from '../../lib/i18n';
import { App } from './App';
import './style.css';

// The words come from _locales in the UI language: say which, for screen readers and hyphenation.
document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle');
render(<App />, document.getElementById('app')!);
