"""打印: choose a 文书, preview it (QPdfView), print it or save it as PDF; re-prints, wall boards,
and the 核对协议二维码 dialog.  Rendering runs off the GUI thread through ``ui/ops.py``."""

from hexie_desktop.ui.screens.printing.choose import ChooseDocumentDialog
from hexie_desktop.ui.screens.printing.jobs import PrintJobs
from hexie_desktop.ui.screens.printing.preview import PreviewDialog, Rendered
from hexie_desktop.ui.screens.printing.verify import VerifyDialog, open_verify_dialog
from hexie_desktop.ui.screens.printing.wallboard import WallboardDialog

__all__ = ["ChooseDocumentDialog", "PreviewDialog", "PrintJobs", "Rendered", "VerifyDialog", "WallboardDialog",
           "open_verify_dialog"]
