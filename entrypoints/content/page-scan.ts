/**
 * A page scan on the page's side: every picture near the viewport gets classified, nearest first, and
 * a badge on its corner. Elements that may show a picture (picture-finder.ts) are watched by an
 * IntersectionObserver whose margin is one screen, so the queue only ever holds what is near the
 * viewport; a MutationObserver adds the ones that appear later (lazy loading, infinite scroll, a route
 * change). The picture each shows is found by the code the right-click uses (picture-source.ts).
 * What it finds is reported as it comes (`report`), for the side panel (scan-panels.ts).
 */
import { sendMessage, shortSource, type ScanReport, type ScanResult } from '../../lib/messages';
import { bigEnough, nearest, ScanBudget } from '../../lib/scan/queue-order';
import { groupOf, type ScanGroup } from '../../lib/scan/scan-counts';
import { readable } from './find-source';
import { pictureOf } from './picture-source';
import { walkForPictures } from './picture-finder';
import { ScanBadge } from './scan-badge';

/** Pictures asked for at once: enough to keep the classifier's readers and its batches full, few enough that stopping wastes little. */
const IN_FLIGHT = 8;
/**
 * While the page scrolls, the scan takes no new picture until the scrolling has rested this long: the
 * classifier's reading and decoding would compete with the page's frames for the CPU, and a picture
 * scrolled past may not stay near. The pictures under way finish.
 */
const SCROLL_REST_MS = 150;

export class PageScan {
  /** Names the scan's one history entry. */
  readonly scanId = crypto.randomUUID();
  private budget = new ScanBudget();
  /** Elements within a screen of the viewport, not yet taken. */
  private near = new Set<Element>();
  /** Elements taken (classified, under way, or turned away): never looked at again in this scan. */
  private taken = new WeakSet<Element>();
  /** Each answered picture's result and badge, by its id, in the order they came. */
  private results = new Map<number, { result: ScanResult; badge: ScanBadge }>();
  /** The side panel's filter: pictures of other groups are veiled. */
  private shownGroup: ScanGroup | undefined;
  private inFlight = 0;
  private nextPictureId = 1;
  /** Taking pictures: until the user stops the scan or it has taken its most. */
  private running = true;
  /** Stopped by the user: answers still on their way are dropped. */
  private stopped = false;
  private placing = false;
  private lastScroll = -Infinity;
  private resume: ReturnType<typeof setTimeout> | undefined;

  private intersections = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (this.taken.has(entry.target)) this.intersections.unobserve(entry.target);
      else if (entry.isIntersecting) this.near.add(entry.target);
      else this.near.delete(entry.target);
    }
    this.pump();
  }, { rootMargin: '100% 100% 100% 100%' });

  private mutations = new MutationObserver((records) => {
    const added = records.flatMap((r) => [...r.addedNodes]).filter((n): n is Element => n instanceof Element && !n.localName.startsWith('garment-scout-'));
    // Badges keep following their pictures after the scan stops; only a running scan looks for new ones.
    if (added.length && this.running) void walkForPictures(added, (e) => this.watch(e), () => !this.running);
    this.placeBadgesSoon();
  });

  private readonly onScroll = () => {
    this.lastScroll = performance.now();
    this.placeBadgesSoon();
  };
  private readonly onResize = () => this.placeBadgesSoon();

  constructor(private report: (report: ScanReport) => void = () => {}) {
    void walkForPictures([document.documentElement], (e) => this.watch(e), () => !this.running);
    this.mutations.observe(document.documentElement, { childList: true, subtree: true });
    addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    addEventListener('resize', this.onResize, { passive: true });
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Everything a side panel that opens now needs: the whole list, then the progress. */
  snapshot(): ScanReport[] {
    return [{ kind: 'results', results: [...this.results.values()].map((r) => r.result), fresh: true }, this.progress()];
  }

  /** Veils every answered picture not in `group`; with none, takes every veil off. */
  showOnly(group: ScanGroup | undefined): void {
    this.shownGroup = group;
    for (const { result, badge } of this.results.values()) badge.veiled = group !== undefined && groupOf(result) !== group;
  }

  /** Scrolls the page so the picture is in the middle of the viewport. */
  reveal(pictureId: number): void {
    this.results.get(pictureId)?.badge.picture.scrollIntoView({ block: 'center', inline: 'nearest' });
  }

  private progress(): ScanReport {
    return { kind: 'progress', scanning: this.running, done: this.results.size, underWay: this.inFlight };
  }

  /** Stops the scan; the badges stay until the next scan or until `clear`. */
  stop(): void {
    this.stopped = true;
    this.stopTaking();
  }

  /** Takes no more pictures; the ones under way still get their badges. */
  private stopTaking(): void {
    this.running = false;
    clearTimeout(this.resume);
    this.intersections.disconnect();
    this.near.clear();
    this.report(this.progress());
  }

  /** Stops, and takes every badge off the page. */
  clear(): void {
    this.stop();
    this.mutations.disconnect();
    removeEventListener('scroll', this.onScroll, { capture: true });
    removeEventListener('resize', this.onResize);
    this.results.forEach(({ badge }) => badge.remove());
    this.results.clear();
  }

  private watch(element: Element): void {
    if (this.running && !this.taken.has(element)) this.intersections.observe(element);
  }

  private pump(): void {
    const rest = this.lastScroll + SCROLL_REST_MS - performance.now();
    if (rest > 0) {
      this.resume ??= setTimeout(() => {
        this.resume = undefined;
        this.pump();
      }, rest);
      return;
    }
    const viewport = { width: innerWidth, height: innerHeight };
    while (this.running && this.inFlight < IN_FLIGHT && !this.budget.full && this.near.size) {
      const next = nearest(this.near, (e) => e.getBoundingClientRect(), viewport)!;
      this.near.delete(next);
      this.taken.add(next);
      this.intersections.unobserve(next);
      this.inFlight++;
      void this.classify(next).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
    if (this.budget.full && this.running) this.stopTaking();
    else this.report(this.progress());
  }

  private async classify(element: Element): Promise<void> {
    if (!bigEnough(element.getBoundingClientRect())) return;
    const found = await pictureOf(element).catch(() => undefined);
    if (!found?.source || !this.budget.take(found.source)) return;
    const picture = await readable(found).catch(() => undefined);
    if (!picture?.source || this.stopped) return;
    const pictureId = this.nextPictureId++;
    const overlay = await sendMessage('background:scan-picture', { scanId: this.scanId, pictureId, source: picture.source, crop: picture.crop }).then(
      (classification) => ({ state: 'answer' as const, classification }),
      (err: Error) => ({ state: 'error' as const, message: err.message }),
    );
    if (this.stopped) return;
    const badge = new ScanBadge(element, overlay);
    const imageUrl = shortSource(picture.source);
    const result: ScanResult =
      overlay.state === 'answer'
        ? { pictureId, imageUrl, thumbnail: overlay.classification.thumbnail, answer: overlay.classification.answer, modelVersion: overlay.classification.modelVersion }
        : { pictureId, imageUrl, error: overlay.message };
    this.results.set(pictureId, { result, badge });
    if (this.shownGroup !== undefined) badge.veiled = groupOf(result) !== this.shownGroup;
    this.report({ kind: 'results', results: [result], fresh: false });
  }

  /** Badges follow their pictures through scrolling (of the page or of a carousel), resizing and re-layout, once per frame. */
  private placeBadgesSoon(): void {
    if (this.placing) return;
    this.placing = true;
    requestAnimationFrame(() => {
      this.placing = false;
      // Every box first, then every write: reading after a write would make the browser lay out again.
      const boxes = [...this.results.values()].map(({ badge }) => [badge, badge.picture.getBoundingClientRect()] as const);
      for (const [badge, box] of boxes) badge.place(box);
    });
  }
}
