export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  main() {},
});
