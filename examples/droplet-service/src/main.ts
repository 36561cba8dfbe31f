// Runs the example service: FLUID_BASE_URL, DROPLET_SECRET, PORT and PUBLIC_URL come from the environment.
import { startDropletService } from './service.js';

const fluidBaseUrl = process.env.FLUID_BASE_URL;
const dropletSecret = process.env.DROPLET_SECRET;
if (fluidBaseUrl === undefined || dropletSecret === undefined) {
  console.error('set FLUID_BASE_URL and DROPLET_SECRET');
  process.exit(1);
}
const service = await startDropletService({
  fluidBaseUrl,
  dropletSecret,
  port: Number(process.env.PORT ?? 4100),
  host: process.env.HOST ?? '127.0.0.1',
  ...(process.env.PUBLIC_URL === undefined ? {} : { publicUrl: process.env.PUBLIC_URL }),
});
console.info(`droplet service listening on ${service.url} (webhooks at ${service.webhookUrl})`);
