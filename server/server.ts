import { buildApp } from './app';
import { ConfigError, loadConfig, type AppConfig } from './config';
import { ensureInitialAdmin } from './domain/bootstrap';
import { KeyMismatchError } from './domain/key-check';

/** Reads config, prepares the data, listens, and shuts down cleanly on SIGTERM/SIGINT. */
export async function startServer(config: AppConfig = loadConfigOrExit()) {
  const started = performance.now();
  const app = await buildApp(config).catch((err: unknown) => {
    // A data key that does not fit the database: say so in Chinese and stop, never run half-working.
    if (err instanceof KeyMismatchError) {
      console.error(`无法启动：${err.message}`);
      process.exit(1);
    }
    throw err;
  });
  const admin = await ensureInitialAdmin(app.store, config.dataDir, config.adminPassword);
  if (admin?.generated) {
    console.log('\n================ 首次启动 ================');
    console.log(`县级管理员账号：${admin.username}`);
    console.log(`初始密码（只显示这一次）：${admin.password}`);
    console.log(`也已保存到 ${admin.file}（仅本机管理员可读），首次登录后请修改。`);
    console.log('==========================================\n');
  } else if (admin) {
    console.log('已按 ADMIN_PASSWORD 创建县级管理员账号 admin');
  }

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const local = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  console.log(`幸福码已启动：${local}  （用时 ${Math.round(performance.now() - started)} ms）`);
  const demo = (await app.repos.entries.list()).find((e) => e.active);
  if (demo) console.log(`试一试：${config.publicBaseUrl}/q/${demo.code}    工作人员入口：${config.publicBaseUrl}/staff`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`收到 ${signal}，正在等待进行中的请求完成…`);
    const timer = setTimeout(() => process.exit(1), 10_000);
    await app.close();
    clearTimeout(timer);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  return app;
}

function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`配置错误：${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}
