"""Reports of consecutive years made from the seeds, for bench/batch.sh -y.

    python3 bench/years.py BATCH_JSON OUT_DIR N

BATCH_JSON is `gdlint check --report-json` of the seeds (it names each
seed's body and year). Writes N reports: each seed as N/25 bodies (its body
named with a suffix) over five years (2020-2024, every "YYYY年" of its year
moved), so that the cross-year checks compare real prose between consecutive
years as they do in a supervising office's batch, not copies of one year.
"""
import json
import os
import sys

batch, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(batch, encoding='utf-8') as f:
    seeds = [r for r in json.load(f)['reports'] if r.get('body') and r.get('year')]
if not seeds:
    sys.exit('years.py: no seed with a body and a year in ' + batch)
os.makedirs(out, exist_ok=True)
names = '甲乙丙丁戊己庚辛壬癸'
written = 0
for k in range(max(1, n // (5 * len(seeds)))):
    suffix = names[k // 10 % 10] + names[k % 10] + '分局' + '子' * (k // 100)
    for r in seeds:
        with open(r['path'], encoding='utf-8') as f:
            text = f.read()
        for y in range(2020, 2025):
            t = text.replace(r['body'], r['body'] + suffix).replace('%d年' % r['year'], '%d年' % y)
            name = '%04d-%s-%d.txt' % (k, os.path.basename(r['path'])[:3], y)
            with open(os.path.join(out, name), 'w', encoding='utf-8') as f:
                f.write(t)
            written += 1
print(written)
