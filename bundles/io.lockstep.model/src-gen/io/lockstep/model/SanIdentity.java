/**
 * Lockstep — generated from lockstep.ecore by releng/modelgen; do not edit parts marked @generated
 */
package io.lockstep.model;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>San Identity</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.lockstep.model.SanIdentity#getWwpn <em>Wwpn</em>}</li>
 *   <li>{@link io.lockstep.model.SanIdentity#getWwnn <em>Wwnn</em>}</li>
 *   <li>{@link io.lockstep.model.SanIdentity#getIqn <em>Iqn</em>}</li>
 * </ul>
 *
 * @see io.lockstep.model.LockstepPackage#getSanIdentity()
 * @model annotation="http://www.eclipse.org/emf/2002/Ecore constraints='wellFormedWwns'"
 * @generated
 */
public interface SanIdentity extends EObject {
	/**
	 * Returns the value of the '<em><b>Wwpn</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Wwpn</em>' attribute.
	 * @see #setWwpn(String)
	 * @see io.lockstep.model.LockstepPackage#getSanIdentity_Wwpn()
	 * @model
	 * @generated
	 */
	String getWwpn();

	/**
	 * Sets the value of the '{@link io.lockstep.model.SanIdentity#getWwpn <em>Wwpn</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Wwpn</em>' attribute.
	 * @see #getWwpn()
	 * @generated
	 */
	void setWwpn(String value);

	/**
	 * Returns the value of the '<em><b>Wwnn</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Wwnn</em>' attribute.
	 * @see #setWwnn(String)
	 * @see io.lockstep.model.LockstepPackage#getSanIdentity_Wwnn()
	 * @model
	 * @generated
	 */
	String getWwnn();

	/**
	 * Sets the value of the '{@link io.lockstep.model.SanIdentity#getWwnn <em>Wwnn</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Wwnn</em>' attribute.
	 * @see #getWwnn()
	 * @generated
	 */
	void setWwnn(String value);

	/**
	 * Returns the value of the '<em><b>Iqn</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Iqn</em>' attribute.
	 * @see #setIqn(String)
	 * @see io.lockstep.model.LockstepPackage#getSanIdentity_Iqn()
	 * @model
	 * @generated
	 */
	String getIqn();

	/**
	 * Sets the value of the '{@link io.lockstep.model.SanIdentity#getIqn <em>Iqn</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Iqn</em>' attribute.
	 * @see #getIqn()
	 * @generated
	 */
	void setIqn(String value);

} // SanIdentity
