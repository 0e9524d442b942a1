#include "shell/scene_graph_backend.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QQuickWindow>
#include <QSGRendererInterface>

namespace cs::ui {

bool is_software_rasteriser(const QString& gl_renderer) {
  const QString r = gl_renderer.toLower();
  return r.contains(QLatin1String("llvmpipe")) || r.contains(QLatin1String("softpipe")) ||
         r.contains(QLatin1String("swrast")) || r.contains(QLatin1String("software rasterizer"));
}

QString choose_scene_graph_backend() {
  if (!qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND") || !qEnvironmentVariableIsEmpty("QSG_RHI_BACKEND")) {
    return QCoreApplication::translate("SceneGraphBackend", "as the environment asks");
  }
  // The offscreen platform (screenshots, tests) has no OpenGL: Qt Quick draws in software there.
  if (QGuiApplication::platformName() == QLatin1String("offscreen"))
    return QCoreApplication::translate("SceneGraphBackend", "software (offscreen)");
  QOpenGLContext context;
  if (!context.create()) {
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    return QCoreApplication::translate("SceneGraphBackend", "software (no OpenGL)");
  }
  QOffscreenSurface surface;
  surface.setFormat(context.format());
  surface.create();
  QString renderer;
  if (context.makeCurrent(&surface)) {
    if (const auto* text = reinterpret_cast<const char*>(context.functions()->glGetString(GL_RENDERER))) {
      renderer = QString::fromLatin1(text);
    }
    context.doneCurrent();
  }
  if (is_software_rasteriser(renderer)) {
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    return QCoreApplication::translate("SceneGraphBackend", "software (OpenGL is %1)").arg(renderer);
  }
  return QCoreApplication::translate("SceneGraphBackend", "OpenGL (%1)")
      .arg(renderer.isEmpty() ? QCoreApplication::translate("SceneGraphBackend", "unknown renderer") : renderer);
}

}  // namespace cs::ui
