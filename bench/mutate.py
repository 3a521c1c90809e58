"""Deterministic mutants of the real reports, for bench/identity.sh.

    python3 bench/mutate.py SHARED_DIR OUT_DIR [N]

Writes N (default 400) reports made from the seeds and the corpus's text
files by a few random edits each: a digit changed, lines deleted, doubled,
swapped or glued, web residue and headings inserted. The same inputs give
the same files, so two builds of gdlint can be compared on them.
"""
import glob
import os
import random
import sys

shared, out = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 400
os.makedirs(out, exist_ok=True)
sources = sorted(glob.glob(os.path.join(shared, 'seeds', '*.txt'))) + sorted(glob.glob(os.path.join(shared, 'corpus', '*.txt')))
if not sources:
    sys.exit('mutate.py: no reports under ' + shared)
rnd = random.Random(42)
noise = ['首页 > 政务公开 > 年度报告', '第 3 页', '2019年', '合计', '\u3000', '| 1 | 2 | 3 |', '四、', '（一）', '表二',
         '收到和处理政府信息公开申请情况', '\U00020000\U0001D11E', '\t\t', '100']
for i in range(n):
    with open(sources[i % len(sources)], encoding='utf-8', errors='replace') as f:
        lines = f.read().split('\n')
    for _ in range(rnd.randint(1, 12)):
        if not lines:
            break
        k, op = rnd.randrange(len(lines)), rnd.randrange(6)
        if op == 0:
            chars = list(lines[k])
            digits = [j for j, c in enumerate(chars) if c.isdigit()]
            if digits:
                chars[rnd.choice(digits)] = str(rnd.randrange(10))
                lines[k] = ''.join(chars)
        elif op == 1:
            del lines[k]
        elif op == 2:
            lines.insert(k, lines[k])
        elif op == 3:
            j = rnd.randrange(len(lines))
            lines[k], lines[j] = lines[j], lines[k]
        elif op == 4:
            lines.insert(k, rnd.choice(noise))
        elif op == 5 and k + 1 < len(lines):
            lines[k] = lines[k] + lines.pop(k + 1)
    with open(os.path.join(out, 'm%03d.txt' % i), 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines))
