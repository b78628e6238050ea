#!/bin/sh
# Headless Chromium and its WebDriver for the browser test (tests/web/test_browser.py).
set -e
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
