"""A Weblate add-on that derives sr_Cyrl whenever Weblate commits sr_Latn.

Install translit-service into Weblate's Python environment (``pip install translit-service``),
copy ``derive_cyrillic.py`` to the Weblate server (here ``/home/weblate/bin/``, executable),
put this module where Weblate imports it and list it in ``settings.py``::

    WEBLATE_ADDONS += ("translit_addon.DeriveCyrillicAddon",)

then install "Derive sr_Cyrl from sr_Latn" on the component (Manage → Add-ons).  Weblate
runs the script before each commit of a translation file, with that file as its argument
and the repository in ``$WL_PATH``; ``add_file`` and :meth:`pre_commit` put the derived
catalog and its hashes into the same commit.  The component's language filter
``^(sr_Latn|en)$`` keeps translators out of the derived sr_Cyrl.  This file is an example
for Weblate's own process, not part of the package (it imports Weblate, which only
Weblate's environment has).
"""

from __future__ import annotations

import os
from typing import Any

try:  # Weblate 5.4 and newer
    from weblate.addons.events import AddonEvent
except ImportError:  # older Weblate: the same events as module constants
    from weblate.addons import events as AddonEvent  # type: ignore[no-redef]

from weblate.addons.scripts import BaseScriptAddon


class DeriveCyrillicAddon(BaseScriptAddon):  # type: ignore[misc]
    events = (AddonEvent.EVENT_PRE_COMMIT,)
    name = "translit.derive_cyrillic"
    verbose = "Derive sr_Cyrl from sr_Latn"
    description = ("Writes locales/sr_Cyrl/LC_MESSAGES/messages.po from the Latin catalog "
                   "with translit-service, in the same commit.")
    script = "/home/weblate/bin/derive_cyrillic.py"
    # Rendered per translation; the sr_Latn commit carries its Cyrillic twin...
    add_file = "locales/sr_Cyrl/LC_MESSAGES/messages.po"
    # ...and the hashes derive recorded in it (``derive --check`` compares both).
    sidecar = "locales/sr_Cyrl/LC_MESSAGES/messages.derived.json"

    def pre_commit(self, translation: Any, *args: Any, **kwargs: Any) -> None:
        super().pre_commit(translation, *args, **kwargs)  # runs the script, adds add_file
        path = os.path.join(translation.component.full_path, self.sidecar)
        if os.path.exists(path):
            translation.addon_commit_files.append(path)
