/**
 * The markup patterns of tests/shop-markup.test.ts: how shops put a product picture on a page. Each
 * page has one `#target` (the element whose box the answer card must sit on), right-clicked at its
 * centre; `frame` puts it in an iframe (served at /frame/<name>); `screen` says the file cannot be
 * read and the answer must come from the screen.
 */
export type Garment = 'boot' | 'pullover' | 'trouser' | 'sandal';

export interface MarkupPattern {
  name: string;
  /** What `#target` shows; undefined where no picture lies under the point. */
  garment?: Garment;
  html: string;
  /** The iframe's page, for a `#target` that lies in it. */
  frameHtml?: string;
  screen?: boolean;
}

const box = 'width: 240px; height: 240px; display: block';

export function markupPatterns(cdn: string): MarkupPattern[] {
  const lazyTile = (id: string, garment: Garment) => `<img ${id} class="tile" src="/img/spacer.gif" data-src="/img/${garment}.png" style="${box}; margin: 8px" alt="">`;
  return [
    { name: 'plain-img', garment: 'boot', html: `<img id="target" src="/img/boot.png" style="${box}" alt="">` },
    { name: 'cdn-img-without-cors', garment: 'pullover', html: `<img id="target" src="${cdn}/img/pullover.jpg" style="${box}" alt="">` },
    {
      name: 'picture-jp2-source-first',
      garment: 'pullover',
      html: `<picture><source type="image/jp2" srcset="/img/pullover.jp2"><img id="target" src="/img/pullover.jpg" style="${box}" alt=""></picture>`,
    },
    {
      name: 'picture-heic-then-webp',
      garment: 'trouser',
      html: `<picture><source type="image/heic" srcset="/img/trouser.heic"><source type="image/webp" srcset="/img/trouser.webp">
        <img id="target" src="/img/trouser.png" style="${box}" alt=""></picture>`,
    },
    {
      name: 'picture-art-directed-avif',
      garment: 'boot',
      html: `<picture>
        <source media="(max-width: 600px)" type="image/avif" srcset="/img/sandal-400.avif 400w, /img/sandal-1600.avif 1600w" sizes="240px">
        <source type="image/avif" srcset="/img/boot-400.avif 400w, /img/boot-1600.avif 1600w" sizes="240px">
        <img id="target" src="/img/boot.png" style="${box}" alt=""></picture>`,
    },
    { name: 'srcset-density', garment: 'trouser', html: `<img id="target" src="/img/trouser-blur.jpg" srcset="/img/trouser.jpg 1x, /img/trouser.png 2x" style="${box}" alt="">` },
    { name: 'srcset-webp', garment: 'pullover', html: `<img id="target" srcset="/img/pullover.webp 400w" sizes="240px" style="${box}" alt="">` },
    { name: 'lazy-spacer-data-src', garment: 'sandal', html: `<img id="target" src="/img/spacer.gif" data-src="/img/sandal.png" style="${box}" alt="">` },
    {
      name: 'lazy-blur-up-data-srcset',
      garment: 'pullover',
      html: `<img id="target" src="/img/pullover-blur.jpg" data-srcset="/img/pullover.jpg 400w, /img/pullover.webp 300w" style="${box}" alt="">`,
    },
    { name: 'lazy-data-bg', garment: 'trouser', html: `<div id="target" data-bg="/img/trouser.png" style="${box}; background: #eee"></div>` },
    { name: 'lazy-data-background-image', garment: 'pullover', html: `<div id="target" data-background-image="url(/img/pullover.jpg)" style="${box}"></div>` },
    {
      name: 'three-lazy-tiles-one-placeholder',
      garment: 'trouser',
      html: `<div style="display: flex">${lazyTile('', 'boot')}${lazyTile('', 'pullover')}${lazyTile('id="target"', 'trouser')}</div>`,
    },
    {
      name: 'native-lazy-below-the-fold',
      garment: 'sandal',
      html: `<div style="height: 2400px">Scroll down</div><img id="target" loading="lazy" src="/img/sandal.png" style="${box}" alt="">`,
    },
    {
      name: 'img-without-pointer-events-under-card-link',
      garment: 'boot',
      html: `<div class="product"><img id="target" src="/img/boot.png" style="${box}; pointer-events: none" alt="">
        <a href="/product/boot" style="position: absolute; inset: 0"></a></div>`,
    },
    {
      name: 'overlay-in-open-shadow-root',
      garment: 'pullover',
      html: `<product-card></product-card><script>
        const root = document.querySelector('product-card').attachShadow({ mode: 'open' });
        root.innerHTML = '<div style="position: relative; width: 240px; height: 240px"><img id="target" src="/img/pullover.jpg" style="${box}">' +
          '<a href="/product/pullover" style="position: absolute; inset: 0; background: rgb(0 0 0 / 0.02)"></a></div>';
      </script>`,
    },
    {
      name: 'carousel-hidden-slides-later',
      garment: 'sandal',
      html: `<div class="product">
        <img id="target" src="/img/sandal.png" style="${box}; position: absolute; opacity: 1" alt="">
        <img src="/img/boot.png" style="${box}; position: absolute; opacity: 0" alt="">
        <div style="position: absolute; inset: 0; opacity: 0"><img src="/img/trouser.png" style="${box}" alt=""></div></div>`,
    },
    {
      name: 'transparent-guard-over-photo',
      garment: 'boot',
      html: `<div class="product"><img id="target" src="/img/boot.png" style="${box}" alt="">
        <img src="/img/spacer.gif" style="position: absolute; inset: 0; width: 100%; height: 100%" alt=""></div>`,
    },
    {
      name: 'sticky-quick-view-button',
      garment: 'boot',
      html: `<div class="product"><img id="target" src="/img/boot.png" style="${box}" alt="">
        <button style="position: absolute; left: 20px; right: 20px; top: 100px; height: 40px">Quick view</button></div>`,
    },
    {
      name: 'zoom-lens',
      garment: 'trouser',
      html: `<div class="product" style="display: flex; width: auto"><img id="target" src="/img/trouser.png" style="${box}" alt="">
        <div style="position: absolute; left: 80px; top: 80px; width: 80px; height: 80px; background: rgb(255 255 255 / 0.4); border: 1px solid #888; pointer-events: none"></div>
        <div style="width: 240px; height: 240px; margin-left: 16px; background: url(/img/trouser.png) -200px -200px / 800px 800px"></div></div>`,
    },
    {
      name: 'sprite-sheet-tile',
      garment: 'pullover',
      html: `<div id="target" style="width: 300px; height: 300px; background: url(/img/sprite.png) -300px 0 no-repeat"></div>`,
    },
    {
      name: 'object-fit-cover-crop',
      garment: 'boot',
      html: `<img id="target" src="/img/boot.png" style="width: 200px; height: 260px; object-fit: cover" alt="">`,
    },
    { name: 'picture-inside-button', garment: 'sandal', html: `<button style="padding: 8px"><img id="target" src="/img/sandal.png" style="${box}" alt=""></button>` },
    {
      name: 'css-background-cover-on-link',
      garment: 'sandal',
      html: `<a id="target" href="/product/sandal" style="${box}; background: url('/img/sandal.jpg') center / contain no-repeat"></a>`,
    },
    {
      name: 'background-with-gradient-layer',
      garment: 'trouser',
      html: `<div id="target" style="${box}; background-image: linear-gradient(rgb(0 0 0 / 0), rgb(0 0 0 / 0.05)), url(/img/trouser.png); background-size: cover"></div>`,
    },
    {
      name: 'background-image-set-with-jp2',
      garment: 'boot',
      html: `<div id="target" style="${box}; background-size: cover;
        background-image: image-set(url(/img/boot.jp2) type('image/jp2') 2x, url(/img/boot.png) type('image/png') 1x)"></div>`,
    },
    {
      name: 'pseudo-element-background',
      garment: 'pullover',
      html: `<style>.photo { position: relative; ${box} } .photo::before { content: ''; position: absolute; inset: 0;
        background: url(/img/pullover.jpg) center / cover; }</style><div id="target" class="photo"></div>`,
    },
    {
      name: 'infinite-scroll-grid',
      garment: 'sandal',
      html: `<div id="grid" style="display: grid; grid-template-columns: repeat(4, 200px); gap: 8px"></div><div id="more" style="height: 40px"></div>
        <script>
          const garments = ['boot', 'pullover', 'trouser'];
          let n = 0;
          const add = () => { for (let i = 0; i < 8; i++, n++) {
            const img = document.createElement('img');
            Object.assign(img, { src: '/img/' + (n === 13 ? 'sandal' : garments[n % 3]) + '.png', alt: '' });
            if (n === 13) img.id = 'target';
            img.style.cssText = 'width: 200px; height: 200px';
            document.getElementById('grid').append(img);
          } };
          add();
          new IntersectionObserver((e) => e[0].isIntersecting && n < 24 && add()).observe(document.getElementById('more'));
        </script>`,
    },
    {
      name: 'iframe-with-lazy-content',
      garment: 'trouser',
      html: `<iframe src="/frame/iframe-with-lazy-content" style="width: 400px; height: 400px; border: 0"></iframe>`,
      frameHtml: `<img id="target" src="/img/spacer.gif" data-src="/img/trouser.png" style="${box}" alt="">`,
    },
    { name: 'video-poster-without-source', garment: 'trouser', html: `<video id="target" poster="/img/trouser.png" style="${box}"></video>` },
    {
      name: 'video-poster-with-source',
      garment: 'sandal',
      html: `<video id="target" poster="/img/sandal.png" preload="none" controls style="${box}"><source src="/video/sandal.webm" type="video/webm"></video>`,
    },
    {
      name: 'canvas-under-360-viewer-overlay',
      garment: 'boot',
      html: `<div class="product"><canvas id="target" width="400" height="400" style="${box}"></canvas>
        <div style="position: absolute; inset: 0; cursor: grab"></div></div>
        <script>
          const img = new Image();
          img.onload = () => document.getElementById('target').getContext('2d').drawImage(img, 0, 0);
          img.src = '/img/boot.png';
        </script>`,
    },
    {
      name: 'hotlink-protected-403',
      garment: 'boot',
      screen: true,
      html: `<img id="target" src="${cdn}/hotlink/img/boot.png" style="${box}" alt="">`,
    },
    {
      name: 'session-cookie-protected-403',
      garment: 'pullover',
      screen: true,
      html: `<img id="target" src="${cdn}/members/img/pullover.png" style="${box}" alt="">`,
    },
    {
      name: 'canvas-tainted-by-cdn-picture-in-link',
      garment: 'trouser',
      screen: true,
      html: `<a href="/product/trouser"><canvas id="target" width="400" height="400" style="${box}"></canvas></a>
        <script>
          const img = new Image();
          img.onload = () => document.getElementById('target').getContext('2d').drawImage(img, 0, 0);
          img.src = '${cdn}/img/trouser.png';
        </script>`,
    },
    { name: 'text-without-picture', html: `<p id="target" style="${box}; padding: 8px">Free returns within 30 days.</p>` },
  ];
}
