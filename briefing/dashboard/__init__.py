"""The dashboard: widgets ↔ one Selection value → frames → charts; the detail panel, the
article reader, clicks and exports."""

from briefing.dashboard.page import Dashboard, dashboard, set_name

__all__ = ["Dashboard", "dashboard", "set_name"]
