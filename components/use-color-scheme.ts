import { useEffect, useState } from 'preact/hooks';

/** 'dark' or 'light' as the system says now; changes when it does, so canvas drawings can follow. */
export function useColorScheme(): 'dark' | 'light' {
  const query = matchMedia('(prefers-color-scheme: dark)');
  const [dark, setDark] = useState(query.matches);
  useEffect(() => {
    const change = (e: MediaQueryListEvent) => setDark(e.matches);
    query.addEventListener('change', change);
    return () => query.removeEventListener('change', change);
  }, []);
  return dark ? 'dark' : 'light';
}

/** A design token's value (assets/tokens.css), for what CSS cannot reach, such as a canvas. */
export const token = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
