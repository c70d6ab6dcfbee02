#!/usr/bin/env python3
"""Entity-level check on Senzing's truth set (Apache-2.0, in the development data).

The truth set is a small entity-resolution ground truth: customer, watchlist
and reference records (names, birth dates, addresses, identifiers; phones and
e-mails, which vigil does not compare) with the clusters they belong to. This
turns every record into an FtM entity, scores every pair with `vigil compare`
and prints precision, recall and F1 of "same cluster" at the default
threshold. Many records share a name and differ only by phone or e-mail, so
a name-and-birth-date matcher is not expected to reach 1.0 here; the figure is
a held-out check that matching changes do not overfit tests/eval.

Usage: python3 scripts/eval_truthset.py [TRUTHSET_DIR] [-v]
       (default ../shared/data/pairs/senzing-truthset; VIGIL=path to the binary)
"""
import csv
import itertools
import json
import os
import re
import subprocess
import sys
D=sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "..", "shared", "data", "pairs", "senzing-truthset")
def iso(d):
    d=d.strip()
    m=re.match(r'^(\d{1,2})/(\d{1,2})/(\d{4})$',d)
    if m: return f'{m.group(3)}-{int(m.group(1)):02d}-{int(m.group(2)):02d}'
    m=re.match(r'^(\d{4})-(\d{1,2})-(\d{1,2})$',d)
    if m: return f'{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}'
    m=re.match(r'^(\d{4})$',d)
    if m: return d
    return None
ents={}
for f in ['customers','watchlist','reference']:
    for l in open(f'{D}/{f}.jsonl'):
        r=json.loads(l)
        props={}; schema='Person'
        def add(k,v):
            if v: props.setdefault(k,[]).append(v)
        for feat in r['FEATURES']:
            if feat.get('RECORD_TYPE')=='ORGANIZATION': schema='Company'
            if 'NAME_ORG' in feat: add('name',feat['NAME_ORG']); schema='Company'
            if 'NAME_FULL' in feat: add('name',feat['NAME_FULL'])
            if 'NAME_LAST' in feat or 'NAME_FIRST' in feat:
                parts=[feat.get('NAME_FIRST',''),feat.get('NAME_MIDDLE',''),feat.get('NAME_LAST','')]
                full=' '.join(p for p in parts if p)
                add('name',full)
            if 'DATE_OF_BIRTH' in feat:
                v=iso(feat['DATE_OF_BIRTH'])
                if v: add('birthDate',v)
            if 'GENDER' in feat: add('gender',{'M':'male','F':'female'}.get(feat['GENDER'].upper()[:1],''))
            for k,p in [('PASSPORT_NUMBER','passportNumber'),('DRIVERS_LICENSE_NUMBER','idNumber'),('SSN_NUMBER','idNumber'),('NATIONAL_ID_NUMBER','idNumber'),('TAX_ID_NUMBER','taxNumber'),('LEI_NUMBER','registrationNumber')]:
                if k in feat: add(p,feat[k])
            addr=feat.get('ADDR_FULL') or ' '.join(x for x in [feat.get('ADDR_LINE1',''),feat.get('ADDR_CITY',''),feat.get('ADDR_STATE',''),feat.get('ADDR_POSTAL_CODE','')] if x)
            if addr: add('address',addr)
        if 'name' not in props: continue
        ents[(r['DATA_SOURCE'],r['RECORD_ID'])]={"id":f"{r['DATA_SOURCE']}-{r['RECORD_ID']}","schema":schema,"properties":props}
cl={}
for row in csv.DictReader(open(f'{D}/actual_truthset_key.csv')):
    cl[(row['DATA_SOURCE'],row['RECORD_ID'])]=row['CLUSTER_ID']
keys=[k for k in ents if k in cl]
lines=[]; lab={}
for a,b in itertools.combinations(keys,2):
    i=f'{a[0]}-{a[1]}|{b[0]}-{b[1]}'
    lab[i]=cl[a]==cl[b]
    lines.append(json.dumps({"id":i,"left":ents[a],"right":ents[b]}))
vig=os.environ.get('VIGIL', os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'build', 'vigil'))
out=subprocess.run([vig,'compare','--input','-','--output','-'],input='\n'.join(lines)+'\n',capture_output=True,text=True).stdout
tp=fp=fn=0; errs=[]
for l in out.splitlines():
    d=json.loads(l); y=lab[d['id']]; p=d['match']
    if y and p: tp+=1
    elif p: fp+=1; errs.append(('FP',d['id'],round(d['score'],3)))
    elif y: fn+=1; errs.append(('FN',d['id'],round(d['score'],3)))
P=tp/(tp+fp) if tp+fp else 0; R=tp/(tp+fn) if tp+fn else 0
print(f'records {len(keys)} pairs {len(lines)} positives {tp+fn}: P {P:.3f} R {R:.3f} F1 {2*P*R/(P+R):.3f}')
if '-v' in sys.argv:
    for e in errs:
        a,b=e[1].split('|'); 
        print(e[0],e[2],[ents[tuple(x.split('-',1))]['properties'].get('name') for x in (a,b)])
