"""附件: scans, evidence and photos stored with a case or a checklist item (listing, adding, opening)."""

from hexie_desktop.ui.screens.attachments.dialog import AttachmentDialog
from hexie_desktop.ui.screens.attachments.panel import AttachmentPanel

__all__ = ["AttachmentDialog", "AttachmentPanel"]
