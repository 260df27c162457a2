import Fastify from 'fastify';

// The baseline: a bare Fastify hello-world on this machine, in its own process like the app.
const app = Fastify();
app.post('/hello', async () => ({ hello: 'world' }));
app.get('/hello', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('hello ready');
