/** The extension's icon (assets/icon.svg, the same drawing as the toolbar PNGs) beside the page title; decorative. */
import iconUrl from '../../assets/icon.svg?url';

export function Logo({ size }: { size: number }) {
  return <img class="logo" src={iconUrl} alt="" width={size} height={size} />;
}
