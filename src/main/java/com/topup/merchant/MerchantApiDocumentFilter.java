package com.topup.merchant;

import com.topup.web.OpenApiNames;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * The merchant API takes signed requests only: its operations keep just the signature requirement, without the
 * bearer-token requirement Quarkus adds to every {@code @Authenticated} operation for the staff's OIDC.
 */
@OpenApiFilter(stages = {OpenApiFilter.RunStage.BUILD, OpenApiFilter.RunStage.RUNTIME_STARTUP})
public class MerchantApiDocumentFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith(MerchantAuthenticationMechanism.PATH_PREFIX)) {
                return;
            }
            item.getOperations().values().forEach(operation -> {
                List<SecurityRequirement> security = operation.getSecurity();
                if (security != null) {
                    operation.setSecurity(security.stream().filter(r -> r.hasScheme(OpenApiNames.SIGNATURE)).toList());
                }
            });
        });
    }
}
