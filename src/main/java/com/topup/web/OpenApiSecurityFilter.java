package com.topup.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Says precisely how each operation is secured. Quarkus adds a role requirement to every secured operation, naming the
 * first declared scheme (a merchant header) rather than the staff's bearer token, and adds it to the merchant
 * operations too. So: merchant operations ({@value #MERCHANT_API}) keep only the signature requirement; staff
 * operations get their roles on the bearer-token scheme; operations open at the HTTP level (the console's login
 * settings, supplier callbacks signed in their own protocol) say so with an empty requirement.
 */
@OpenApiFilter(stages = {OpenApiFilter.RunStage.BUILD, OpenApiFilter.RunStage.RUNTIME_STARTUP})
public class OpenApiSecurityFilter implements OASFilter {

    static final String MERCHANT_API = "/api/v1/";
    private static final List<String> MERCHANT_SCHEMES =
            List.of(OpenApiNames.MERCHANT_ID, OpenApiNames.TIMESTAMP, OpenApiNames.NONCE, OpenApiNames.SIGNATURE);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        String staffScheme = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.smallrye-openapi.security-scheme-name", String.class).orElse("SecurityScheme");
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(operation -> {
            if (path.startsWith(MERCHANT_API)) {
                keepSignatureOnly(operation);
            } else if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
                operation.setSecurity(List.of(OASFactory.createSecurityRequirement()));
            } else {
                operation.setSecurity(onStaffScheme(operation.getSecurity(), staffScheme));
            }
        }));
    }

    private static void keepSignatureOnly(Operation operation) {
        if (operation.getSecurity() != null) {
            operation.setSecurity(operation.getSecurity().stream().filter(r -> r.hasScheme(OpenApiNames.SIGNATURE)).toList());
        }
    }

    private static List<SecurityRequirement> onStaffScheme(List<SecurityRequirement> requirements, String staffScheme) {
        List<SecurityRequirement> result = new ArrayList<>();
        for (SecurityRequirement requirement : requirements) {
            SecurityRequirement staff = OASFactory.createSecurityRequirement();
            requirement.getSchemes().forEach((name, roles) ->
                    staff.addScheme(MERCHANT_SCHEMES.contains(name) ? staffScheme : name, roles));
            result.add(staff);
        }
        return result;
    }
}
