// Unpacks the real old Chromium kernels of the smoke tests from their npm packages (tests/old-kernels, installed by
// ./x test) into target/kernels/<major>/: the binary is brotli-compressed, its libraries and SwiftShader are
// brotli-compressed tar files to unpack beside it. Skips a kernel that is already there and answers --version.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packages = path.join(root, 'tests', 'old-kernels', 'node_modules');
export const KERNELS = {
  109: path.join(packages, '@sparticuz', 'chromium', 'bin'),
  86: path.join(packages, 'chrome-aws-lambda', 'bin'),
};

export const kernelDir = (major) => path.join(root, 'target', 'kernels', String(major));

/// The version of the npm package a kernel was unpacked from, or null when it is not unpacked (or not whole).
function unpacked(major) {
  const marker = path.join(kernelDir(major), 'unpacked-from');
  return fs.existsSync(marker) && fs.existsSync(path.join(kernelDir(major), 'chromium'))
    ? fs.readFileSync(marker, 'utf8') : null;
}

/// The version of the installed npm package of a kernel.
function packaged(major) {
  const pkg = path.join(KERNELS[major], '..', 'package.json');
  const { name, version } = JSON.parse(fs.readFileSync(pkg, 'utf8'));
  return `${name}@${version}`;
}

function unpack(major) {
  const from = KERNELS[major];
  if (!fs.existsSync(path.join(from, 'chromium.br'))) {
    throw new Error(`${from} has no chromium.br: run npm ci --prefix tests/old-kernels (./x test does)`);
  }
  const dir = kernelDir(major);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const name of fs.readdirSync(from).filter((f) => f.endsWith('.br'))) {
    const out = path.join(dir, name.slice(0, -'.br'.length));
    fs.writeFileSync(out, zlib.brotliDecompressSync(fs.readFileSync(path.join(from, name))));
    if (out.endsWith('.tar')) {
      execFileSync('tar', ['-xf', out, '-C', dir]);
      fs.rmSync(out);
    }
  }
  fs.chmodSync(path.join(dir, 'chromium'), 0o755);
  // Written last: a kernel half unpacked (the disk filled, the run was stopped) is unpacked again next time.
  fs.writeFileSync(path.join(dir, 'unpacked-from'), packaged(major));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const major of Object.keys(KERNELS)) {
    const t0 = Date.now();
    if (unpacked(major) === packaged(major)) {
      console.log(`Chromium ${major} (${packaged(major)}): already unpacked`);
      continue;
    }
    unpack(major);
    console.log(`Chromium ${major} (${packaged(major)}): unpacked in ${Date.now() - t0} ms`);
  }
}
