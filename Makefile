# csat_lab: two commands for users, `make lab` and `make test`; each sets itself up.
#   make lab    create .venv, install, register the kernel, open JupyterLab on the course
#   make test   the same set-up, then every test (unit, doctests, datasets, notebooks, browser, Spark local)
#   make app    serve the widget explorers with Voila (127.0.0.1)
#   make classroom  live classroom survey: learners answer on phones, live dashboard (ARGS="--lan --room TEST42")
#   make bench  speed benchmarks, printed as ratios against a baseline (not part of `make test`)
#   make notebooks  rebuild the learner and trainer editions from notebooks/src and re-execute them
#   make fuzz   property tests with many random examples, to explore (make test runs them derandomized)
#   make slides    reveal.js decks per notebook and language in build/slides/{en,zh-CN}/ (offline)
#   make handouts  printable PDFs, learner and trainer (with solutions), in build/handouts/{en,zh-CN}/
#   make html      self-contained offline HTML per notebook and language in build/html/{en,zh-CN}/

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.csat_lab-installed
JOBS   ?= 2
# Notebooks run under nbval in full mode, in this environment, with the sanitize file.
NBVAL  := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

.PHONY: lab test app bench notebooks fuzz setup fonts browser java clean slides handouts html classroom

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt tools/web/package-lock.json
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "csat_lab needs Python 3.11 or newer")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e ".[test,bench]"
	$(PY) -m ipykernel install --sys-prefix --name csat_lab --display-name "Python (csat_lab)"
	$(PY) -c 'from csat_lab.course.launch import write_lab_overrides; write_lab_overrides()'
	$(PY) -c 'from csat_lab.widgets.voila import install_voila_template; install_voila_template()'
	@# reveal.js and MathJax for the trainer kit, pinned by tools/web/package-lock.json (never fetched later).
	@bash tools/system_deps.sh npm
	if command -v npm >/dev/null 2>&1; then npm ci --prefix tools/web --ignore-scripts --no-audit --no-fund --loglevel=error; \
	else echo "note: npm not found; make slides/handouts/html need it (apt-get install npm), the rest works without"; fi
	touch $(STAMP)

# Debian packages outside Python (installed when missing and we are root): a CJK font for
# Chinese chart labels, and Chromium for the browser tests (never a downloaded browser).
fonts:
	@bash tools/system_deps.sh fonts

browser:
	@bash tools/system_deps.sh fonts chromium

# Java for Spark in local mode (the Spark parity tests; pyspark itself comes with the test extra).
java:
	@bash tools/system_deps.sh java

lab: setup fonts
	$(PY) -m csat_lab.course.launch lab

app: setup fonts
	$(PY) -m csat_lab.course.launch app

# Live classroom survey on 127.0.0.1 (add ARGS="--lan" for phones on the same Wi-Fi); see README.
classroom: setup
	$(PY) -m csat_lab.classroom serve $(ARGS)

test: setup browser java
	$(PY) -m pytest $(NBVAL) -n $(JOBS) --dist loadfile -q -rs

bench: setup
	$(PY) benchmarks/run.py

fuzz: setup
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest -q -p no:cacheprovider -n $(JOBS) tests/unit

notebooks: setup
	$(PY) tools/build_notebooks.py

# The trainer kit, built from the stored notebooks (nothing is executed); see tools/build_kit.py.
slides: setup fonts
	$(PY) tools/build_kit.py slides

handouts: setup browser
	$(PY) tools/build_kit.py handouts

html: setup fonts
	$(PY) tools/build_kit.py html

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache test-artifacts
