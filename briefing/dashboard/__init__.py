"""The dashboard: widgets ↔ one Selection value → frames → charts; the detail panel, the
article reader, clicks and exports. `page()` is the page a viewer's kernel opens."""

from briefing.dashboard.page import Dashboard, dashboard, set_name
from briefing.dashboard.page_cache import page

__all__ = ["Dashboard", "dashboard", "page", "set_name"]
