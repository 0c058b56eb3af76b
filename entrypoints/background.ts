export default defineBackground(() => {
  // Settings, packs and stats are wired here (see docs/design.md).
});
