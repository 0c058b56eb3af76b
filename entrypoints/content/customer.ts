/** The customer's latest message as the site adapter reads it, and where it is on screen (the card keeps clear). */
import type { SiteAdapter } from '@/lib/sites/types';
import type { Box } from '@/lib/ui/page/model';
import { frameOffset } from './geometry';

export class CustomerReader {
  private cache: { at: number; url: string; text: string | undefined } | undefined;

  constructor(private readonly adapter: SiteAdapter) {}

  /** The customer's latest message (cached briefly: reading it on every keystroke pause is wasteful). */
  message(): string | undefined {
    const now = Date.now();
    const fresh = this.adapter.id === 'generic' && this.cache?.text ? Infinity : 2000;
    if (this.cache && this.cache.url === location.href && now - this.cache.at < fresh) return this.cache.text;
    const text = this.adapter.findCustomerMessage(document);
    this.cache = { at: now, url: location.href, text };
    return text;
  }

  /** The page moved to another ticket. */
  forget(): void {
    this.cache = undefined;
  }

  /** Where the customer's latest message is on screen (top-frame coordinates), where the adapter can say. */
  box(): Box | undefined {
    const el = this.adapter.customerMessageElement?.(document);
    if (!el) return undefined;
    const r = el.getBoundingClientRect();
    const { x, y } = el.ownerDocument === document ? { x: 0, y: 0 } : frameOffset(el as HTMLElement);
    return r.width && r.height ? { left: r.left + x, top: r.top + y, width: r.width, height: r.height } : undefined;
  }
}
