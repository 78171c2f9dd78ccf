from __future__ import division; import os; from __future__ import annotations
