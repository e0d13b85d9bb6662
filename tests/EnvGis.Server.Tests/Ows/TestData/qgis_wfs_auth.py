"""Opens EnvGis's WFS in QGIS (PyQGIS, headless) the way a user does: first anonymously, then with a
Basic authentication configuration, in one QGIS session (one network cache), and prints what QGIS
made of each layer as JSON. Arguments: base URL, user, password, layer, profile folder."""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (QgsApplication, QgsAuthMethodConfig, QgsVectorDataProvider,  # noqa: E402
                       QgsVectorLayer)

base, user, password, layer, profile = sys.argv[1:6]
app = QgsApplication([], False, profile)
app.initQgis()

manager = QgsApplication.authManager()
manager.setPasswordHelperEnabled(False)
if not manager.setMasterPassword("envgis-test-master", True):
    raise SystemExit("could not set the QGIS master password")
config = QgsAuthMethodConfig()
config.setName("envgis")
config.setMethod("Basic")
config.setConfig("username", user)
config.setConfig("password", password)
if not manager.storeAuthenticationConfig(config)[0]:
    raise SystemExit("could not store the authentication configuration")


def describe(name, authcfg=None):
    uri = f"url='{base}/wfs' typename='envgis:{layer}' version='auto'"
    if authcfg:
        uri += f" authcfg='{authcfg}'"
    vector = QgsVectorLayer(uri, name, "WFS")
    provider = vector.dataProvider()
    caps = provider.capabilities() if provider else 0
    return {
        "valid": vector.isValid(),
        "features": vector.featureCount() if vector.isValid() else -1,
        "add": bool(caps & QgsVectorDataProvider.AddFeatures),
        "change": bool(caps & QgsVectorDataProvider.ChangeAttributeValues),
        "delete": bool(caps & QgsVectorDataProvider.DeleteFeatures),
        "error": vector.error().summary() if not vector.isValid() else "",
    }


result = {"qgis": QgsApplication.instance().applicationVersion() if hasattr(QgsApplication.instance(), "applicationVersion") else "",
          "anonymous": describe("anonymous"),
          "signed_in": describe("signed_in", config.id())}
print(json.dumps(result))
app.exitQgis()
