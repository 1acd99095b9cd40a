'use strict';
// Interoperability proof with Confluent's official JavaScript Schema Registry client, run by
// JsConfluentInteropIT. Settings come from the environment; the one line starting with "RESULT "
// on stdout is JSON for the Java test.
//
//   node interop.js produce-progress     registers ProgressReport.avsc, produces one report
//   node interop.js consume-expenditure  reads one ExpenditureReport written by the Java serializer

const fs = require('fs');
const { Kafka, logLevel, Partitioners } = require('kafkajs');
const {
  SchemaRegistryClient, AvroSerializer, AvroDeserializer, SerdeType,
} = require('@confluentinc/schemaregistry');

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`environment variable ${name} is required`);
  }
  return value;
};

const registry = () => new SchemaRegistryClient({
  baseURLs: [env('REGISTRY_URL')],
  basicAuthCredentials: { credentialsSource: 'USER_INFO', userInfo: `${env('REGISTRY_USER')}:${env('REGISTRY_PASSWORD')}` },
});

// The test broker authenticates every client (SCRAM-SHA-512); the test passes the super user's login.
const kafka = () => new Kafka({ clientId: 'poa-js-interop', brokers: [env('KAFKA_BOOTSTRAP')], logLevel: logLevel.ERROR,
  sasl: { mechanism: 'scram-sha-512', username: env('KAFKA_USER'), password: env('KAFKA_PASSWORD') } });

// avsc has no decimal logical type: decimals travel as their two's-complement big-endian unscaled bytes.
function decimalToBytes(text, scale) {
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  let unscaled = BigInt(whole + fraction.padEnd(scale, '0'));
  if (text.startsWith('-')) {
    unscaled = -unscaled;
  }
  const bytes = [];
  let value = unscaled;
  do {
    bytes.unshift(Number(BigInt.asUintN(8, value)));
    value >>= 8n;
  } while (!((value === 0n && (bytes[0] & 0x80) === 0) || (value === -1n && (bytes[0] & 0x80) !== 0)));
  return Buffer.from(bytes);
}

function bytesToDecimal(buffer, scale) {
  let unscaled = 0n;
  for (const byte of buffer) {
    unscaled = (unscaled << 8n) | BigInt(byte);
  }
  if (buffer.length > 0 && (buffer[0] & 0x80) !== 0) {
    unscaled -= 1n << BigInt(8 * buffer.length);
  }
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

async function produceProgress() {
  const topic = env('TOPIC');
  const client = registry();
  const subject = `${topic}-value`;
  // Registered explicitly: with autoRegisterSchemas the JS serializer would register a schema inferred from
  // the message object (records named Record1, no logical types), not the project's contract.
  const id = await client.register(subject, { schemaType: 'AVRO', schema: fs.readFileSync(env('SCHEMA_FILE'), 'utf8') });
  const serializer = new AvroSerializer(client, SerdeType.VALUE, { autoRegisterSchemas: false, useLatestVersion: true });
  const report = {
    messageId: '6f1c1b7e-2a4d-4c1e-9d55-0c3b7d2f9a10',
    agentId: 'agent-js-bo-l',
    regionCode: 'BO-L',
    sequence: 42,
    fiscalYear: 2020,
    operationCode: '11.04.02',
    periodStart: 18262, // 2020-01-01
    periodEnd: 18352, // 2020-03-31
    reportedAt: 1585699200123, // 2020-04-01T00:00:00.123Z
    achievedValue: decimalToBytes('12.5000', 4),
    percentComplete: decimalToBytes('-0.75', 2),
    narrative: 'Avance del primer trimestre: tres talleres de exportación',
    evidence: ['INF-2020-017', 'ACTA-03'],
    reporter: 'María Quispe',
    correctsMessageId: null,
    clientVersion: 'js-interop',
  };
  const value = await serializer.serialize(topic, report);
  const producer = kafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  await producer.send({ topic, messages: [{ key: report.messageId, value }] });
  await producer.disconnect();
  console.log('RESULT ' + JSON.stringify({
    schemaId: id,
    wireSchemaId: value.readInt32BE(1),
    report: { ...report, achievedValue: '12.5000', percentComplete: '-0.75' },
  }));
}

async function consumeExpenditure() {
  const topic = env('TOPIC');
  const deserializer = new AvroDeserializer(registry(), SerdeType.VALUE, {});
  const consumer = kafka().consumer({ groupId: `poa-js-interop-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const message = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no message on ${topic} within 60 s`)), 60000);
    consumer.run({
      eachMessage: async ({ message }) => {
        clearTimeout(timer);
        resolve(message);
      },
    }).catch(reject);
  });
  const record = await deserializer.deserialize(topic, message.value);
  await consumer.disconnect();
  console.log('RESULT ' + JSON.stringify({
    wireSchemaId: message.value.readInt32BE(1),
    record: { ...record, amount: bytesToDecimal(record.amount, 2) },
  }));
}

const commands = { 'produce-progress': produceProgress, 'consume-expenditure': consumeExpenditure };
const command = commands[process.argv[2]];
if (!command) {
  console.error(`usage: node interop.js ${Object.keys(commands).join('|')}`);
  process.exit(2);
}
command().then(() => process.exit(0), (error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
});
