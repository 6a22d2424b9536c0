import { render } from 'preact';
import { uiLanguage } from '../../lib/i18n';
import { App } from './App';
import './style.css';

// The words come from _locales in the UI language: say which, for screen readers and hyphenation.
document.documentElement.lang = uiLanguage();
render(<App />, document.getElementById('app')!);
