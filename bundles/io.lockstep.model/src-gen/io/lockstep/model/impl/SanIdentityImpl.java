/**
 * Lockstep — generated from lockstep.ecore by releng/modelgen; do not edit parts marked @generated
 */
package io.lockstep.model.impl;

import io.lockstep.model.LockstepPackage;
import io.lockstep.model.SanIdentity;

import org.eclipse.emf.common.notify.Notification;

import org.eclipse.emf.ecore.EClass;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>San Identity</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link io.lockstep.model.impl.SanIdentityImpl#getWwpn <em>Wwpn</em>}</li>
 *   <li>{@link io.lockstep.model.impl.SanIdentityImpl#getWwnn <em>Wwnn</em>}</li>
 *   <li>{@link io.lockstep.model.impl.SanIdentityImpl#getIqn <em>Iqn</em>}</li>
 * </ul>
 *
 * @generated
 */
public class SanIdentityImpl extends MinimalEObjectImpl.Container implements SanIdentity {
	/**
	 * The default value of the '{@link #getWwpn() <em>Wwpn</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getWwpn()
	 * @generated
	 * @ordered
	 */
	protected static final String WWPN_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getWwpn() <em>Wwpn</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getWwpn()
	 * @generated
	 * @ordered
	 */
	protected String wwpn = WWPN_EDEFAULT;

	/**
	 * The default value of the '{@link #getWwnn() <em>Wwnn</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getWwnn()
	 * @generated
	 * @ordered
	 */
	protected static final String WWNN_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getWwnn() <em>Wwnn</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getWwnn()
	 * @generated
	 * @ordered
	 */
	protected String wwnn = WWNN_EDEFAULT;

	/**
	 * The default value of the '{@link #getIqn() <em>Iqn</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getIqn()
	 * @generated
	 * @ordered
	 */
	protected static final String IQN_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getIqn() <em>Iqn</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getIqn()
	 * @generated
	 * @ordered
	 */
	protected String iqn = IQN_EDEFAULT;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected SanIdentityImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return LockstepPackage.Literals.SAN_IDENTITY;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getWwpn() {
		return wwpn;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setWwpn(String newWwpn) {
		String oldWwpn = wwpn;
		wwpn = newWwpn;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.SAN_IDENTITY__WWPN, oldWwpn, wwpn));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getWwnn() {
		return wwnn;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setWwnn(String newWwnn) {
		String oldWwnn = wwnn;
		wwnn = newWwnn;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.SAN_IDENTITY__WWNN, oldWwnn, wwnn));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getIqn() {
		return iqn;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setIqn(String newIqn) {
		String oldIqn = iqn;
		iqn = newIqn;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.SAN_IDENTITY__IQN, oldIqn, iqn));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case LockstepPackage.SAN_IDENTITY__WWPN:
				return getWwpn();
			case LockstepPackage.SAN_IDENTITY__WWNN:
				return getWwnn();
			case LockstepPackage.SAN_IDENTITY__IQN:
				return getIqn();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case LockstepPackage.SAN_IDENTITY__WWPN:
				setWwpn((String)newValue);
				return;
			case LockstepPackage.SAN_IDENTITY__WWNN:
				setWwnn((String)newValue);
				return;
			case LockstepPackage.SAN_IDENTITY__IQN:
				setIqn((String)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID) {
		switch (featureID) {
			case LockstepPackage.SAN_IDENTITY__WWPN:
				setWwpn(WWPN_EDEFAULT);
				return;
			case LockstepPackage.SAN_IDENTITY__WWNN:
				setWwnn(WWNN_EDEFAULT);
				return;
			case LockstepPackage.SAN_IDENTITY__IQN:
				setIqn(IQN_EDEFAULT);
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID) {
		switch (featureID) {
			case LockstepPackage.SAN_IDENTITY__WWPN:
				return WWPN_EDEFAULT == null ? wwpn != null : !WWPN_EDEFAULT.equals(wwpn);
			case LockstepPackage.SAN_IDENTITY__WWNN:
				return WWNN_EDEFAULT == null ? wwnn != null : !WWNN_EDEFAULT.equals(wwnn);
			case LockstepPackage.SAN_IDENTITY__IQN:
				return IQN_EDEFAULT == null ? iqn != null : !IQN_EDEFAULT.equals(iqn);
		}
		return super.eIsSet(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		if (eIsProxy()) return super.toString();

		StringBuilder result = new StringBuilder(super.toString());
		result.append(" (wwpn: ");
		result.append(wwpn);
		result.append(", wwnn: ");
		result.append(wwnn);
		result.append(", iqn: ");
		result.append(iqn);
		result.append(')');
		return result.toString();
	}

} //SanIdentityImpl
