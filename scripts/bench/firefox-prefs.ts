/**
 * What every Firefox the project drives (the e2e harness, the CPU bench) is launched with:
 * its traffic sent to a proxy on loopback, its own services that phone home on a fresh
 * profile turned off, and the gecko id that fixes an unpacked build's moz-extension origin.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every request through `127.0.0.1:port`, except hosts in `noProxy`; with `loopback` true,
 * requests to 127.0.0.1 go through it too (the e2e harness records them).
 */
export function firefoxProxyPrefs(
  port: number,
  { noProxy = '', loopback = false }: { noProxy?: string; loopback?: boolean } = {},
): Record<string, unknown> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.no_proxies_on': noProxy,
    ...(loopback ? { 'network.proxy.allow_hijacking_localhost': true } : {}),
    // Remote Settings ignores this override on release builds unless the environment
    // allows it (MOZ_REMOTE_SETTINGS_DEVTOOLS, set at launch); a data: URL never connects.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    // Firefox's own services that would otherwise phone home on a fresh profile.
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'dom.push.connection.enabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.server': '',
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'extensions.getAddons.showPane': false,
    'extensions.htmlaboutaddons.recommendations.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
    'app.shield.optoutstudies.enabled': false,
  };
}

/** The gecko id of an unpacked build: the key of the UUID map that fixes its origin. */
export function geckoId(extDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8'));
  const id =
    manifest.browser_specific_settings?.gecko?.id ?? manifest.applications?.gecko?.id ?? null;
  if (typeof id !== 'string') {
    throw new Error(`${extDir}/manifest.json has no browser_specific_settings.gecko.id`);
  }
  return id;
}
