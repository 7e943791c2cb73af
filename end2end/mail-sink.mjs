// A real SMTP server for the end-to-end tests: the portal sends its mail here
// (CUSTODIAN_SMTP_HOST=127.0.0.1, no TLS), and each message lands as a JSON
// file in the folder given, which the tests read (helpers.ts: mailTo).
// Usage: node mail-sink.mjs PORT FOLDER
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import fs from 'node:fs';
import path from 'node:path';

const [port, folder] = process.argv.slice(2);
if (!port || !folder) {
  console.error('usage: node mail-sink.mjs PORT FOLDER');
  process.exit(2);
}
fs.mkdirSync(folder, { recursive: true });
let count = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const message = {
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          received: Date.now(),
        };
        const name = `${String(Date.now()).padStart(15, '0')}-${String(count++).padStart(6, '0')}.json`;
        const tmp = path.join(folder, `.${name}`);
        fs.writeFileSync(tmp, JSON.stringify(message));
        fs.renameSync(tmp, path.join(folder, name));
        callback();
      })
      .catch(callback);
  },
});
server.on('error', (e) => console.error('mail sink:', e.message));
server.listen(Number(port), '127.0.0.1', () => console.log(`mail sink on 127.0.0.1:${port}, writing to ${folder}`));
