#pragma once
// The "backup-321" model for the catalogue (catalogue/catalogue.cpp lists it).
#include "model/model_info.h"

namespace cs::backup {

model::ModelInfo backup_model();  // "backup-321"

}  // namespace cs::backup
